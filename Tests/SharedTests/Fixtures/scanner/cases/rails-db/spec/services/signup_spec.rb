require "rails_helper"

RSpec.describe Signup do
  it "finds the user" do
    allow(User).to receive(:find_by).and_return(nil)
    allow_any_instance_of(User).to receive(:display_name).and_return("Ada")
  end
end
