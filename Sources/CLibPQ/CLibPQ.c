#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include "CLibPQ.h"

/* libpq resolved once, on first use. Every entry point works without it: connections come back NULL (status
 * CONNECTION_BAD, an error message that says libpq is missing) and the rest treat NULL as "nothing". */

static struct {
    PGconn *(*connectdbParams)(const char *const *, const char *const *, int);
    ConnStatusType (*status)(const PGconn *);
    void (*finish)(PGconn *);
    int (*serverVersion)(const PGconn *);
    char *(*errorMessage)(const PGconn *);
    PGresult *(*exec)(PGconn *, const char *);
    PGresult *(*prepare)(PGconn *, const char *, const char *, int, const Oid *);
    PGresult *(*describePrepared)(PGconn *, const char *);
    ExecStatusType (*resultStatus)(const PGresult *);
    char *(*resultErrorField)(const PGresult *, int);
    void (*clear)(PGresult *);
    int (*nfields)(const PGresult *);
    char *(*fname)(const PGresult *, int);
} pq;
static int loaded = 0;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    static const char *const names[] = {
        "libpq.so.5", "libpq.so", "libpq.5.dylib", "/opt/homebrew/opt/libpq/lib/libpq.5.dylib",
        "/usr/local/opt/libpq/lib/libpq.5.dylib", NULL};
    void *handle = NULL;
    for (int i = 0; names[i] != NULL && handle == NULL; i++) handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return;
#define RESOLVE(field, symbol)                                  \
    *(void **)(&pq.field) = dlsym(handle, symbol);              \
    if (pq.field == NULL) return;
    RESOLVE(connectdbParams, "PQconnectdbParams")
    RESOLVE(status, "PQstatus")
    RESOLVE(finish, "PQfinish")
    RESOLVE(serverVersion, "PQserverVersion")
    RESOLVE(errorMessage, "PQerrorMessage")
    RESOLVE(exec, "PQexec")
    RESOLVE(prepare, "PQprepare")
    RESOLVE(describePrepared, "PQdescribePrepared")
    RESOLVE(resultStatus, "PQresultStatus")
    RESOLVE(resultErrorField, "PQresultErrorField")
    RESOLVE(clear, "PQclear")
    RESOLVE(nfields, "PQnfields")
    RESOLVE(fname, "PQfname")
#undef RESOLVE
    loaded = 1;
}

int oss_libpq_available(void) {
    pthread_once(&once, load);
    return loaded;
}

PGconn *PQconnectdbParams(const char *const *keywords, const char *const *values, int expand_dbname) {
    return oss_libpq_available() ? pq.connectdbParams(keywords, values, expand_dbname) : NULL;
}

ConnStatusType PQstatus(const PGconn *conn) {
    return conn != NULL && oss_libpq_available() ? pq.status(conn) : CONNECTION_BAD;
}

void PQfinish(PGconn *conn) {
    if (conn != NULL && oss_libpq_available()) pq.finish(conn);
}

int PQserverVersion(const PGconn *conn) {
    return conn != NULL && oss_libpq_available() ? pq.serverVersion(conn) : 0;
}

char *PQerrorMessage(const PGconn *conn) {
    static char missing[] = "libpq (libpq.so.5) is not installed";
    static char none[] = "no connection";
    if (!oss_libpq_available()) return missing;
    return conn != NULL ? pq.errorMessage(conn) : none;
}

PGresult *PQexec(PGconn *conn, const char *query) {
    return conn != NULL && oss_libpq_available() ? pq.exec(conn, query) : NULL;
}

PGresult *PQprepare(PGconn *conn, const char *stmtName, const char *query, int nParams, const Oid *paramTypes) {
    return conn != NULL && oss_libpq_available() ? pq.prepare(conn, stmtName, query, nParams, paramTypes) : NULL;
}

PGresult *PQdescribePrepared(PGconn *conn, const char *stmt) {
    return conn != NULL && oss_libpq_available() ? pq.describePrepared(conn, stmt) : NULL;
}

ExecStatusType PQresultStatus(const PGresult *res) {
    return res != NULL && oss_libpq_available() ? pq.resultStatus(res) : PGRES_FATAL_ERROR;
}

char *PQresultErrorField(const PGresult *res, int fieldcode) {
    return res != NULL && oss_libpq_available() ? pq.resultErrorField(res, fieldcode) : NULL;
}

void PQclear(PGresult *res) {
    if (res != NULL && oss_libpq_available()) pq.clear(res);
}

int PQnfields(const PGresult *res) {
    return res != NULL && oss_libpq_available() ? pq.nfields(res) : 0;
}

char *PQfname(const PGresult *res, int field_num) {
    return res != NULL && oss_libpq_available() ? pq.fname(res, field_num) : NULL;
}
