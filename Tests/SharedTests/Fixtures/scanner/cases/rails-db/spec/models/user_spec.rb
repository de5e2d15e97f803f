require "rails_helper"

RSpec.describe User, type: :model do
  it "persists" do
    user = User.create!(name: "ada")
    expect(User.find(user.id).name).to eq("ada")
  end
end
