exports.up = async (knex) => {
  await knex.schema.alterTable('books', (table) => {
    table.renameColumn('pages', 'page_count');
    table.string('isbn');
  });
};

exports.down = async (knex) => {
  await knex.schema.alterTable('books', (table) => table.renameColumn('page_count', 'pages'));
};
