// A Linux function app running the published Dealix.Functions executable as a custom handler
// (FUNCTIONS_WORKER_RUNTIME=custom; host.json customHandler + generated function.json files in the package).

param name string
param location string
param tags object
param planSku string
param minimumInstances int
param storageAccountName string
param appInsightsConnectionString string
param taskHubName string

@secure()
param systemKey string

@secure()
param hostKey string

@secure()
param masterKey string

param telemetryExporter string

var isElasticPremium = startsWith(planSku, 'EP')

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

var storageConnection = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: isElasticPremium ? 'elastic' : 'linux'
  sku: {
    name: planSku
    tier: isElasticPremium ? 'ElasticPremium' : 'PremiumV3'
  }
  properties: {
    reserved: true // Linux
    maximumElasticWorkerCount: isElasticPremium ? 20 : null
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    reserved: true
    siteConfig: {
      // Custom handlers bring their own executable (published self-contained for linux-x64): no language stack.
      linuxFxVersion: ''
      alwaysOn: !isElasticPremium
      minimumElasticInstanceCount: isElasticPremium ? minimumInstances : null
      preWarmedInstanceCount: isElasticPremium ? minimumInstances : null
      functionAppScaleLimit: isElasticPremium ? 20 : null
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'AzureWebJobsStorage', value: storageConnection }
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'custom' }
        { name: 'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING', value: storageConnection }
        { name: 'WEBSITE_CONTENTSHARE', value: toLower(name) }
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'AzureFunctionsJobHost__extensions__durableTask__hubName', value: taskHubName }
        { name: 'Keys__System', value: systemKey }
        { name: 'Keys__Host', value: hostKey }
        { name: 'Keys__Master', value: masterKey }
        { name: 'Telemetry__Exporter', value: telemetryExporter }
        { name: 'Dealix__LiveSending', value: 'false' }
      ]
    }
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
