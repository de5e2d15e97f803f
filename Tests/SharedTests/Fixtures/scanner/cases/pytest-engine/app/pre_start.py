from sqlmodel import Session, select


def init(engine):
    with Session(engine) as session:
        session.exec(select(1))
