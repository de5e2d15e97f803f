exports.up = function (knex) {
  return knex.schema.createTable('books', (table) => {
    table.increments('id');
    table.string('title').notNullable();
    table.integer('pages');
    table.timestamps(true, true);
  });
};

exports.down = function (knex) {
  return knex.schema.dropTable('books');
};
