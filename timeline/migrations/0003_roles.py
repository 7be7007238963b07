# Placeholder for the editor/viewer groups (curation issue fills it in).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('timeline', '0002_fulltext_indexes'),
    ]

    operations = []
