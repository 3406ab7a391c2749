from django.urls import path

from referatimport import views

app_name = "referatimport"

urlpatterns = [
    path("import/", views.import_create, name="import-create"),
    path("import/<int:pk>/", views.import_detail, name="import-detail"),
    path("import/<int:pk>/start/", views.import_start, name="import-start"),
    path("import/<int:pk>/annuller/", views.import_cancel, name="import-cancel"),
]
