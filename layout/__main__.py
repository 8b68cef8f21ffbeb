"""``python -m layout`` is the ``layout`` command."""

from layout.launcher import main

raise SystemExit(main())
