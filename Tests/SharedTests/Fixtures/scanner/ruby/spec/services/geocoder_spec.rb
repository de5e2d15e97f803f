require "rails_helper"

RSpec.describe Geocoder do
  let(:repository) { instance_double("LocationRepository") }
  let(:logger) { double("Logger", info: nil) }

  before do
    stub_request(:get, "https://maps.example.com/geocode").to_return(body: "{}")
    allow(File).to receive(:read).and_return("{}")
    allow(Net::HTTP).to receive(:get_response)
  end

  it "geocodes" do
    expect(repository).to receive(:save)
    expect(described_class.new(repository).call("Paris")).to eq(1)
  end

=begin
  allow(Redis).to receive(:new) is inside a block comment
=end
end
