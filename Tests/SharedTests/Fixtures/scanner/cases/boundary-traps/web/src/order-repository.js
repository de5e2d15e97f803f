const Sequelize = require('sequelize');

module.exports = class OrderRepository {};
