"""Files bots send: kept with their bytes so tests can read them, served back by getFile."""

from __future__ import annotations

import mimetypes
import struct
from typing import TYPE_CHECKING

from .errors import ApiError, bad_request
from .state import EmuFile
from .validation import Upload

if TYPE_CHECKING:
    from .core import EmulatorCore

MAX_UPLOAD_BYTES = 50 * 1024 * 1024  # Bot API upload limit
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024  # getFile limit


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG, GIF or JPEG; None if it is not an image Telegram accepts."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return width, height
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    index = 2
    while index + 9 < len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        length = struct.unpack(">H", data[index + 2 : index + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return width, height
        index += 2 + length
    return None


def store_file(core: EmulatorCore, source: Upload | str, kind: str) -> EmuFile:
    """A new file from an upload, a URL, or an existing file by its file_id."""
    if isinstance(source, str):
        existing = core.files.get(source)
        if existing is not None:
            return existing
        if not source.startswith(("http://", "https://")):
            raise bad_request("wrong file identifier/HTTP URL specified")
        filename = source.rstrip("/").rsplit("/", 1)[-1] or None
        return _register(core, kind, None, filename, mimetypes.guess_type(source)[0], url=source)
    if len(source.data) > MAX_UPLOAD_BYTES:
        raise ApiError(413, "Request Entity Too Large")
    if not source.data:
        raise bad_request("file must be non-empty")
    mime = source.content_type
    if not mime or mime == "application/octet-stream":
        mime = mimetypes.guess_type(source.filename or "")[0] or "application/octet-stream"
    if kind != "photo":
        return _register(core, kind, source.data, source.filename, mime)
    size = image_size(source.data)
    if size is None:
        raise bad_request("IMAGE_PROCESS_FAILED")
    if len(source.data) > MAX_PHOTO_BYTES:
        raise bad_request("PHOTO_INVALID_DIMENSIONS")
    file = _register(core, kind, source.data, source.filename, mime)
    file.width, file.height = size
    return file


def _register(
    core: EmulatorCore,
    kind: str,
    data: bytes | None,
    filename: str | None,
    mime: str | None,
    url: str | None = None,
) -> EmuFile:
    serial = core.next_serial()
    file = EmuFile(
        file_id=f"BQACAgEmu{kind[0].upper()}{serial:010d}",
        file_unique_id=f"AgAD{serial:06d}",
        kind=kind,
        data=data,
        filename=filename,
        mime_type=mime,
        url=url,
    )
    core.files[file.file_id] = file
    return file


def file_by_path(core: EmulatorCore, path: str) -> EmuFile | None:
    return next(
        (f for f in core.files.values() if f.data is not None and f.file_path == path), None
    )
