require "octokit"

class Repo
  def initialize(client = Octokit::Client.new)
    @client = client
  end

  def stars(name)
    @client.repository(name).stargazers_count
  end
end
