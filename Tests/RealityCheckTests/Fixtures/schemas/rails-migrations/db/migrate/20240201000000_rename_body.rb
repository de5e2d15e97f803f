class RenameBody < ActiveRecord::Migration[7.1]
  def up
    rename_column :posts, :body, :content
    add_column :posts, :published, :boolean
  end

  def down
    rename_column :posts, :content, :body
  end
end
