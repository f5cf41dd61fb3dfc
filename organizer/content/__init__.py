"""Content (charter 三, 四(二)): post categories, the material library, the news quota and
question tracking. `intake.process` is the one entry point the message pipeline calls."""
