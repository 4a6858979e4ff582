variable "db_password" {
  type      = string
  sensitive = true
  default   = "Tundra*82velvet&"
}

variable "region" {
  default = "eu-west-1"
}

variable "api_token" {
  type    = string
  default = "" 
}

provider "aws" {
  region     = var.region
  access_key = "AKIADTCPXJ3RKE5HY6ZW"
  secret_key = "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"
}

resource "aws_db_instance" "shop" {
  username = "shop"
  password = var.db_password 
}
