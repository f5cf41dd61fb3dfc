from organizer.cli import main

raise SystemExit(main())
