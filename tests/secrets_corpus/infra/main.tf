variable "db_password" {
  type      = string
  sensitive = true
  default   = "Falcon#27velvet!"
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
  access_key = "AKIANRMHCDYFHKM7XREA"
  secret_key = "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"
}

resource "aws_db_instance" "shop" {
  username = "shop"
  password = var.db_password 
}
