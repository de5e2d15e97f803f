class Old < ActiveRecord::Migration[7.1]
  def change
    create_table :ignored_because_schema_rb_exists
  end
end
