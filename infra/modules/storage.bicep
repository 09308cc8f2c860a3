// The storage account of the app: AzureWebJobsStorage (task hub tables/queues/blobs, trigger queues, timer monitor).

@description('Storage account name (3-24 lowercase letters and digits).')
param name string

param location string
param tags object

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The Functions host and the engine authenticate with the account key through AzureWebJobsStorage.
    allowSharedKeyAccess: true
  }
}

output name string = account.name
output id string = account.id
