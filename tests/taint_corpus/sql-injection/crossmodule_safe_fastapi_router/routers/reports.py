from datetime import date

from fastapi import APIRouter, Depends

from db import run_query

router = APIRouter()


def date_range(start: date, end: date) -> tuple[date, date]:
    return start, end


@router.get("/sales")
def sales(period: tuple[date, date] = Depends(date_range)):
    start, end = period
    return run_query("SELECT day, total FROM sales WHERE day BETWEEN ? AND ?", (start.isoformat(), end.isoformat()))
