from django.contrib import admin

from supportsite.knowledge.models import Article, FaqEntry, Incident

admin.site.register([FaqEntry, Article, Incident])
