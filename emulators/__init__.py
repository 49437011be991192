"""Local emulators of the WeChat API and of Beijing Pass: real HTTP servers on loopback speaking
the real wire formats, for development (`python -m app run`, `python -m app emulators`) and the
tests. Not part of the wheel or the production image."""
