"""HTTP handlers, one blueprint per domain, all registered by the app factory."""

from sanic import Blueprint

from routes.appointment_desk import bp as appointment_desk_bp
from routes.appointments import bp as appointments_bp
from routes.articles import bp as articles_bp
from routes.auth import bp as auth_bp
from routes.bundles import bp as bundles_bp
from routes.calendar import bp as calendar_bp
from routes.catalog import bp as catalog_bp
from routes.catalog_admin import bp as catalog_admin_bp
from routes.companies import bp as companies_bp
from routes.evaluations import bp as evaluations_bp
from routes.hall_floor import bp as hall_floor_bp
from routes.health import bp as health_bp
from routes.identity import bp as identity_bp
from routes.ledger import bp as ledger_bp
from routes.mass_send import bp as mass_send_bp
from routes.me import bp as me_bp
from routes.oa_admin import bp as oa_admin_bp
from routes.onewindow import bp as onewindow_bp
from routes.onewindow_desk import bp as onewindow_desk_bp
from routes.payments import bp as payments_bp
from routes.prereview import bp as prereview_bp
from routes.push import bp as push_bp
from routes.push_callbacks import bp as push_callbacks_bp
from routes.register import bp as register_bp
from routes.staff_admin import bp as staff_admin_bp
from routes.wechat_oa import bp as wechat_oa_bp

BLUEPRINTS: list[Blueprint] = [health_bp, auth_bp, me_bp, identity_bp, catalog_bp, catalog_admin_bp,
                               calendar_bp, appointments_bp, appointment_desk_bp, prereview_bp, onewindow_bp,
                               onewindow_desk_bp, ledger_bp, push_bp, mass_send_bp, staff_admin_bp,
                               wechat_oa_bp, articles_bp, push_callbacks_bp, oa_admin_bp,
                               payments_bp, hall_floor_bp,
                               companies_bp, bundles_bp, register_bp, evaluations_bp]
