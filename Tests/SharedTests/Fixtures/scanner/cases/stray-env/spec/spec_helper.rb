ENV["REDIS_URL"] = "redis://localhost:6379/1"
RSpec.configure do |config|
end
