RSpec.describe "LocationRepository against the database" do
  it "saves a location" do
    ActiveRecord::Base.establish_connection(ENV.fetch("DATABASE_URL", "postgres://geo:geo@localhost/geo"))
    LocationRepository.new.save(lat: 1, lng: 2)
  end
end
