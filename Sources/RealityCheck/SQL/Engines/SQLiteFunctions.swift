import CSQLite

/// Stand-ins for common PostgreSQL/MySQL functions, so that prepare judges names rather than function dialects.
/// They are only ever prepared, never called.
enum SQLiteFunctions {
    /// Scalar functions other dialects have and SQLite lacks.
    static let scalars = [
        "now", "greatest", "least", "concat", "concat_ws", "date_trunc", "to_char", "to_date", "to_timestamp",
        "gen_random_uuid", "uuid_generate_v4", "uuid", "date_part", "age", "array_length", "jsonb_build_object",
        "json_build_object", "to_jsonb", "to_json", "row_to_json", "jsonb_set", "md5", "left", "right", "lpad",
        "rpad", "split_part", "position", "regexp_replace", "string_to_array", "array_to_string", "array",
        "any", "all", "unnest", "extract", "current_setting", "nextval", "currval", "setval", "localtimestamp",
        "curdate", "curtime", "date_format", "datediff", "timestampdiff", "if", "isnull", "nvl", "uuid_to_bin",
        "bin_to_uuid", "unix_timestamp", "from_unixtime", "sysdate", "getdate", "char_length",
        "character_length", "initcap", "btrim", "to_number", "pg_advisory_xact_lock", "pg_try_advisory_lock",
        "encode", "decode", "sha256", "st_distance", "st_makepoint", "date_add", "date_sub", "timezone",
    ]

    /// Aggregate functions other dialects have and SQLite lacks.
    static let aggregates = [
        "array_agg", "string_agg", "json_agg", "jsonb_agg", "bool_and", "bool_or", "every", "json_object_agg",
        "jsonb_object_agg", "stddev", "variance", "percentile_cont", "mode",
    ]

    /// Registers every stand-in on `database`.
    static func registerStandIns(_ database: OpaquePointer) {
        for name in scalars {
            sqlite3_create_function_v2(
                database, name, -1, SQLITE_UTF8, nil, { context, _, _ in sqlite3_result_null(context) }, nil, nil, nil)
        }
        for name in aggregates {
            sqlite3_create_function_v2(
                database, name, -1, SQLITE_UTF8, nil, nil, { _, _, _ in }, { context in sqlite3_result_null(context) },
                nil)
        }
    }
}
