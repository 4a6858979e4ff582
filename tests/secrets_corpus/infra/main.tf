variable "db_password" {
  type      = string
  sensitive = true
  default   = "Falcon&87velvet*"
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
  access_key = "AKIARAK32L5RBOETZEMH"
  secret_key = "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"
}

resource "aws_db_instance" "shop" {
  username = "shop"
  password = var.db_password 
}
