#ifndef OSS_CLIBPQ_H
#define OSS_CLIBPQ_H

/// The part of libpq's client API that `oss-integration check` uses, loaded at run time with dlopen: the binary
/// neither links libpq nor needs it installed; without it the PostgreSQL engine is simply unavailable. Names,
/// types and constant values are libpq's own (libpq-fe.h, stable ABI of libpq.so.5).

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef unsigned int Oid;

typedef enum { CONNECTION_OK = 0, CONNECTION_BAD = 1 } ConnStatusType;

typedef enum {
    PGRES_EMPTY_QUERY = 0,
    PGRES_COMMAND_OK = 1,
    PGRES_TUPLES_OK = 2,
    PGRES_FATAL_ERROR = 7
} ExecStatusType;

/// 1 when libpq could be loaded, else 0.
int oss_libpq_available(void);

PGconn *PQconnectdbParams(const char *const *keywords, const char *const *values, int expand_dbname);
ConnStatusType PQstatus(const PGconn *conn);
void PQfinish(PGconn *conn);
int PQserverVersion(const PGconn *conn);
char *PQerrorMessage(const PGconn *conn);
PGresult *PQexec(PGconn *conn, const char *query);
PGresult *PQprepare(PGconn *conn, const char *stmtName, const char *query, int nParams, const Oid *paramTypes);
PGresult *PQdescribePrepared(PGconn *conn, const char *stmt);
ExecStatusType PQresultStatus(const PGresult *res);
char *PQresultErrorField(const PGresult *res, int fieldcode);
void PQclear(PGresult *res);
int PQnfields(const PGresult *res);
char *PQfname(const PGresult *res, int field_num);

#endif
