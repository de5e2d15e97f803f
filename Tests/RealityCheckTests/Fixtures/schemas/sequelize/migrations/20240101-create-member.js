'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('Members', {
      id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },
      nickname: { type: Sequelize.STRING },
      createdAt: { allowNull: false, type: Sequelize.DATE },
    });
    await queryInterface.renameColumn('Members', 'nickname', 'handle');
  },
  async down(queryInterface) {
    await queryInterface.dropTable('Members');
  },
};
