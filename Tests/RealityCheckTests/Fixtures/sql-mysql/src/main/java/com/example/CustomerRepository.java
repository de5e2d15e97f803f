package com.example;

import org.springframework.jdbc.core.JdbcTemplate;

public class CustomerRepository {
    private final JdbcTemplate jdbc;

    public CustomerRepository(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    public int block(long id) {
        return jdbc.update("UPDATE customer SET status = 'blocked' WHERE id = ?", id);
    }

    public int countNotes() {
        return jdbc.queryForObject("SELECT count(*) FROM legacy_note", Integer.class);
    }

    public String name(long id) {
        return jdbc.queryForObject("SELECT `name` FROM `customer` " +
            "WHERE `id` = ?", String.class, id);
    }
}
