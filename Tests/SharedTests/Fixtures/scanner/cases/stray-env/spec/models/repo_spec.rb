require "spec_helper"

RSpec.describe Repo do
  it "counts stars" do
    repo = instance_double(Repo, stars: 3)
    allow(repo).to receive(:stars).and_return(3)
    expect(repo.stars("x/y")).to eq(3)
  end
end
