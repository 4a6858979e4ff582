region = "eu-west-1"
datadog_api_key = "95236c4ff73a63df805dd5e80729c263654c028b4e1445c2360ac8c0db25c2f6"
db_password = "Quartz#46orchid&"
ssh_public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAItDBfKA9ef66nFMIUaNYdnkPP8VnAgIlg/JFmhvQOHGg deploy@ci" 
