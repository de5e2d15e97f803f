async function fetchUser(id) { return { id }; }
async function fetchOrders() { return []; }

module.exports = { fetchUser, fetchOrders };
