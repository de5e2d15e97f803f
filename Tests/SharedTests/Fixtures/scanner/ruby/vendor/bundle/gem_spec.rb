allow(File).to receive(:read)
