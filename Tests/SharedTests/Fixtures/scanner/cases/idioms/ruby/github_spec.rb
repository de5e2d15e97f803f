require "sinatra/base"

class FakeGitHub < Sinatra::Base
  get "/repos/:org/:repo" do
    json_response 200, "repo.json"
  end
end

RSpec.describe Importer do
  it "imports" do
    allow(Octokit::Client).
      to receive(:new).and_return(double)
    expect_any_instance_of(Faraday::Connection)
      .to receive(:get)
  end
end
