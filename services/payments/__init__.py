"""Fees paid through WeChat Pay (docs/payments.md): ``orders`` (a resident pays an application's fee),
``notifications`` (WeChat Pay's signed callbacks), ``refunds``, ``sweep`` (the order and refund
queries behind the notifications), ``reconciliation`` (the daily bill) and ``receipt`` (缴费凭证).

The modules are imported by name: ``refunds`` is used inside the application lifecycle's
transactions, so this package imports nothing that would lead back to the lifecycle.
"""
