## Moderation: why a message was taken down (or, for media, a polite notice).
## One text per rule of organizer/moderation (rule "ad.link" → mod-reason-ad-link); no arguments.

mod-reason-banned-porn = 涉及色情内容（群规 四(三)：禁止发布违法违规信息）
mod-reason-banned-violence = 涉及暴力或威胁内容（群规 四(三)：禁止发布违法违规信息）
mod-reason-banned-gambling = 涉及赌博内容（群规 四(三)：禁止发布违法违规信息）
mod-reason-banned-fraud = 涉及诈骗内容（群规 四(三)：禁止发布违法违规信息）
mod-reason-banned-subversion = 涉及反动内容（群规 四(三)：禁止发布违法违规信息）
mod-reason-banned-abuse = 含有侮辱性、攻击性语言（群规 四(三)：严禁人身攻击与辱骂）
mod-reason-ad-link = 含有外部链接，未经管理员同意不得发布广告（群规 四(三)）
mod-reason-ad-invite = 含有其他群组或频道的邀请链接，未经管理员同意不得发布广告（群规 四(三)）
mod-reason-ad-mention = 提及了其他机器人或频道，未经管理员同意不得发布广告（群规 四(三)）
mod-reason-ad-contact = 含有微信、QQ 等联系方式，未经管理员同意不得推销产品或服务（群规 四(三)）
mod-reason-ad-forward = 转发自频道的消息视为广告，未经管理员同意不得发布（群规 四(三)）
mod-reason-private-mobile = 含有手机号码，为保护个人隐私不得在群内发布（群规 六(二)）
mod-reason-private-id-number = 含有身份证号码，为保护个人隐私不得在群内发布（群规 六(二)）
mod-reason-private-bank-card = 含有银行卡号，为保护个人隐私不得在群内发布（群规 六(二)）
mod-reason-private-email = 含有电子邮箱地址，为保护个人隐私不得在群内发布（群规 六(二)）
mod-reason-flood-rate = 短时间内发送消息过多，请勿刷屏（群规 四(三)）
mod-reason-flood-repeat = 重复发送相同内容，请勿刷屏（群规 四(三)）
mod-reason-media-file-size = 文件较大，请尽量压缩后再发送，以免影响大家浏览（群规 三(二)）
mod-reason-media-video-size = 视频较大，请尽量压缩或剪辑后再发送，以免影响大家浏览（群规 三(二)）
mod-reason-media-voice-duration = 语音较长，请控制时长或改用文字，方便大家阅读（群规 四(一)）
