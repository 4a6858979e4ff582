def clean_month(raw: str) -> str:
    year, month = raw.split("-", 1)
    return f"{int(year):04d}-{int(month):02d}"
