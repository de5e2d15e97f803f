# Specs call stub_request(:get, "https://maps.example.com") — this comment is not a mock.
class Geocoder
  HINT = "allow(Net::HTTP).to receive(:get)"

  def initialize(repository = LocationRepository.new)
    @repository = repository
  end
end
