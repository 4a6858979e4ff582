from fastapi import APIRouter, Depends

from db import run_query

router = APIRouter()


def date_range(start: str, end: str) -> tuple[str, str]:
    return start, end


@router.get("/sales")
def sales(period: tuple[str, str] = Depends(date_range)):
    start, end = period
    return run_query(f"SELECT day, total FROM sales WHERE day BETWEEN '{start}' AND '{end}'")
