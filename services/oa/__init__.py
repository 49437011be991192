"""The official account as its editors manage it: menu (menu.py), replies (replies.py), scene
QR codes (scenes.py); shapes.py holds what they accept and answer. docs/official-account.md."""
