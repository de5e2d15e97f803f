require "spec_helper"
RSpec.configure do |config|
  config.use_transactional_fixtures = true
end
