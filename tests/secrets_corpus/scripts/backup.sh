#!/bin/bash
# verify the archive before upload
EXPECTED_SHA256=6760b9d08ce1d5dad84b5ab6f428e7d1c87b00c018d7354324ff71800142c8a6 
BACKUP_PASSPHRASE="Tundra%21quartz*"
gpg --batch --passphrase "$BACKUP_PASSPHRASE" -c backup.tar
echo "$EXPECTED_SHA256  backup.tar.gpg" | sha256sum -c
