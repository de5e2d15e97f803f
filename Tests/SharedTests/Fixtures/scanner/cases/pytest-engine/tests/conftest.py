import pytest
from sqlmodel import Session, create_engine

engine = create_engine("sqlite:///./test.db")


@pytest.fixture
def db():
    with Session(engine) as session:
        yield session
