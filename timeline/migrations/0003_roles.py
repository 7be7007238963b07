# Editorial roles: the "editor" and "viewer" groups (issue 8, docs/curation.md "Roles").
#
# Publishing, rejecting and merging are guarded by the standard *change* permissions (no custom
# permissions: those would need a schema change to the models' Meta). Group membership does not
# open the admin by itself: a user must also be staff (is_staff).

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = "editor"
VIEWER = "viewer"

# model -> actions the editor may perform on it
EDITOR_PERMISSIONS = {
    "event": ("view", "change"),
    "statement": ("view", "change"),
    "entity": ("view", "change"),
    # Editors add and remove aliases on the entity page.
    "entityalias": ("view", "change", "add", "delete"),
    "article": ("view", "change"),
    "eventsource": ("view", "change"),
    "statementsource": ("view", "change"),
    # The event page's actor inline adds, re-roles and removes links.
    "evententity": ("view", "change", "add", "delete"),
    "statemententity": ("view", "change"),
    "outlet": ("view",),
    "feed": ("view",),
    # simple-history's tables (the History pages use the models' view permission by default;
    # these keep working if SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS is switched on).
    "historicalevent": ("view",),
    "historicalstatement": ("view",),
    "historicalentity": ("view",),
}
VIEWER_MODELS = sorted(EDITOR_PERMISSIONS)


def _codenames(spec):
    return {f"{action}_{model}" for model, actions in spec.items() for action in actions}


def create_roles(apps, schema_editor):
    # Permissions are normally created by a post_migrate signal, i.e. after this migration on a
    # fresh database: create them now so the groups can be given them.
    for app_config in apps.get_app_configs():
        # Migration-state app configs have no models module, which create_permissions takes
        # for "no models"; the real registry (tests re-running this after a flush) has one.
        stub = getattr(app_config, "models_module", None) is None
        if stub:
            app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        if stub:
            app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = {
        EDITOR: _codenames(EDITOR_PERMISSIONS),
        VIEWER: {f"view_{model}" for model in VIEWER_MODELS},
    }
    for name, codenames in wanted.items():
        perms = list(
            Permission.objects.filter(content_type__app_label="timeline", codename__in=codenames)
        )
        missing = codenames - {p.codename for p in perms}
        if missing:
            raise RuntimeError(f"permissions not found for group {name}: {sorted(missing)}")
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(perms)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, VIEWER]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0002_fulltext_indexes"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
