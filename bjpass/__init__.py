"""Beijing Pass (北京通): the OAuth2 client used by the service and the local emulator.

It is a package of its own, beside ``wechat/``, because it is another external party with its own
protocol; see docs/identity.md.
"""
