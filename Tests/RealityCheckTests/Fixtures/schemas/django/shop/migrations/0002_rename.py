from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [('shop', '0001_initial')]

    operations = [
        migrations.RenameField(model_name='product', old_name='title', new_name='name'),
        migrations.AddField(model_name='product', name='stock', field=models.IntegerField(default=0)),
    ]
