region = "eu-west-1"
datadog_api_key = "6b573f060dff216088cc482d264e1686311c2356fb820764d282eaa53ebc64f3"
db_password = "Velvet!74quartz&"
ssh_public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAItDBfKA9ef66nFMIUaNYdnkPP8VnAgIlg/JFmhvQOHGg deploy@ci" 
