"""The push worker of tests/push, for the hall notice that reaches a scene's followers."""

from tests.push.conftest import push_rt, push_worker  # noqa: F401
