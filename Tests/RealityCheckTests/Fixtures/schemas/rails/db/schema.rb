ActiveRecord::Schema[7.1].define(version: 2024_05_01_000000) do
  create_table "accounts", force: :cascade do |t|
    t.string "email", null: false
    t.references "owner", null: false
    t.timestamps
  end

  create_table "tags", id: false, force: :cascade do |t|
    t.string "label"
  end
end
