"""WeChat protocol pieces and the local WeChat API emulator."""
