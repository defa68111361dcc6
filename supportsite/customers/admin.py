from django.contrib import admin

from supportsite.customers.models import (
    CustomerProfile,
    Invoice,
    Payment,
    PaymentMethod,
    Plan,
    RefundRequest,
    Subscription,
)

admin.site.register([Plan, CustomerProfile, PaymentMethod, Subscription, Invoice, Payment, RefundRequest])
