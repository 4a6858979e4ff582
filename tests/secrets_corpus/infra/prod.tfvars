region = "eu-west-1"
datadog_api_key = "fbf28d73f5da4352d274dad192618db2f4de9d09ba74b126db5b4a9772d1b6b5"
db_password = "Tundra#42harbor*"
ssh_public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAItDBfKA9ef66nFMIUaNYdnkPP8VnAgIlg/JFmhvQOHGg deploy@ci" 
